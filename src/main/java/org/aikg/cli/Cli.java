package org.aikg.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.aikg.AikgException;
import org.aikg.ConflictException;
import org.aikg.DataException;
import org.aikg.UsageException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The one factory of the fully configured command line; {@link Main} and the tests both use it.
 *
 * <pre>{@code
 * int code = Cli.commandLine(System.out, System.err).execute("convert", "data", "-o", "out.ttl");
 * }</pre>
 */
public final class Cli {
    /** Done. */
    public static final int OK = 0;
    /** The data is bad: a fact sheet, a text, a graph that does not conform; or a store's copy of it was changed by someone else. */
    public static final int BAD_DATA = 1;
    /** The command line is bad: an unknown option, a missing file, an unknown format. */
    public static final int BAD_USAGE = 2;
    /** Something outside the data failed: a file could not be written, a port was taken. */
    public static final int FAILED = 3;

    private Cli() {}

    /** Where commands write: data to {@code out}, messages to {@code err}. */
    record Io(PrintStream out, PrintStream err) {}

    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        Io io = new Io(out, err);
        CommandLine cl = new CommandLine(new AikgCommand());
        cl.addSubcommand(new ConvertCommand(io));
        cl.addSubcommand(new ValidateCommand(io));
        cl.addSubcommand(new QueryCommand(io));
        cl.addSubcommand(new ServeCommand(io));
        cl.addSubcommand(new LoadCommand(io));
        cl.addSubcommand(new PublishCommand(io));
        cl.addSubcommand(new ReleaseCommand(io));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("aikg: " + ex.getMessage());
            if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                c.getErr().println("aikg: did you mean " + u.getSuggestions().get(0) + "?");  // picocli lists the closest first
            }
            c.getErr().println("aikg: run '" + c.getCommandSpec().qualifiedName() + " --help' for the options");
            c.getErr().flush();
            return BAD_USAGE;
        });
        IExitCodeExceptionMapper codes = Cli::exitCode;
        cl.setExitCodeExceptionMapper(codes);
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> {
            PrintWriter w = command.getErr();
            w.println("aikg: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (verbose(parseResult)) ex.printStackTrace(w);
            else if (!(ex instanceof AikgException)) w.println("aikg: (run with --verbose for the stack trace)");
            w.flush();
            return codes.getExitCode(ex);
        });
        return cl;
    }

    /** True when {@code --verbose} was given anywhere on the line: before the command's name or after it. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) return true;
        }
        return false;
    }

    /** The one place failures become exit codes. */
    static int exitCode(Throwable t) {
        if (t instanceof DataException || t instanceof ConflictException) return BAD_DATA;
        if (t instanceof UsageException || t instanceof CommandLine.ParameterException) return BAD_USAGE;
        return FAILED;
    }
}
