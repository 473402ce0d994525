package org.circc.intake.web;

/** {@code /contain}, {@code /resolve}, {@code /close}: what was done. */
public record SummaryRequest(String summary) {
}
