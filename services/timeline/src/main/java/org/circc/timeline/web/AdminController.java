package org.circc.timeline.web;

import org.circc.platform.web.Caller;
import org.circc.platform.web.Role;
import org.circc.timeline.messaging.ReadModelRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the read models from the retained topics (api.md, admin only). */
@RestController
@RequestMapping("/api/v1/admin/rebuild")
public class AdminController {

    private final ReadModelRebuild rebuild;

    public AdminController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReadModelRebuild.Progress start(Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        return rebuild.start();
    }

    @GetMapping
    public ReadModelRebuild.Progress progress(Caller caller) {
        caller.requireAnyRole(Role.ADMIN);
        return rebuild.progress();
    }
}
