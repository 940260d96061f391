package io.stellaops.airlock.bundle.adversarial;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hostile corpus: every case of the four lists, in a stable order. {@link #main} writes it to a
 * folder (run by {@code scripts/hostile-corpus}) for trying against the real command line: one
 * folder per case with the archive and its envelope, {@code trust/} holding the public key that
 * signed them, and {@code expected.tsv} with the exit code and message each must produce.
 * {@code --markdown} prints the table of docs/security.md instead.
 */
public final class HostileCorpus {
    private HostileCorpus() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(PathAndLinkCases.all());
        cases.addAll(StreamCases.all());
        cases.addAll(ManifestCases.all());
        cases.addAll(EnvelopeCases.all());
        Set<String> ids = new HashSet<>();
        for (HostileCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalStateException("two corpus cases are named " + c.id());
            }
        }
        return List.copyOf(cases);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--markdown")) {
            System.out.println("| # | case | category | attack | exit | message contains |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            int n = 1;
            for (HostileCase c : all()) {
                System.out.printf("| %d | `%s` | %s | %s | %d | %s |%n", n++, c.id(), c.category(), cell(c.attack()),
                        c.failure().exitCode(), c.message().isEmpty() ? "(any)" : "`" + cell(c.message()) + "`");
            }
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: HostileCorpus OUT_FOLDER | --markdown");
            System.exit(4);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        CorpusKeys keys = CorpusKeys.generate();
        Path trust = Files.createDirectories(out.resolve("trust"));
        Files.write(trust.resolve("release.pub.pem"), keys.trusted.verificationKey().toPem());
        StringBuilder expected = new StringBuilder("id\texit\tfailure\tcategory\tarchive\tmessage contains\n");
        for (HostileCase c : all()) {
            Path archive = c.maker().make(Files.createDirectories(out.resolve(c.id())), keys);
            expected.append(String.join("\t", c.id(), Integer.toString(c.failure().exitCode()), c.failure().name(),
                    c.category(), out.relativize(archive).toString(), c.message())).append('\n');
        }
        Files.writeString(out.resolve("expected.tsv"), expected, UTF_8);
        System.out.println(all().size() + " hostile inputs in " + out + " (expected.tsv, trust/)");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "\\n");
    }
}
