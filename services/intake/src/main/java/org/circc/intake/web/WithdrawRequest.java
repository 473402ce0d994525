package org.circc.intake.web;

/** {@code /withdraw}: why the report is taken back. */
public record WithdrawRequest(String reason) {
}
