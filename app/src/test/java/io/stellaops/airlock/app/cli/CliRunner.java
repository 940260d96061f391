package io.stellaops.airlock.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command tree in-process and captures what it prints. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AirlockCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private CliRunner() {
    }
}
