package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sampling profiles with JDK Flight Recorder (settings "profile", a Java sample every ~10 ms per
 * thread), summarised as the top frames: where the CPU time is spent (self), and which of aikg's
 * own methods the samples pass through (inclusive). Used only in extra runs, after the measured ones.
 */
final class Profiler {
    private Profiler() {}

    /** Records this JVM while {@code work} runs. */
    static Path inProcess(Path out, Runnable work) {
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            work.run();
            r.stop();
            Files.createDirectories(out.getParent());
            r.dump(out);
            return out;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot profile: " + e.getMessage(), e);
        }
    }

    /** Starts a recording in another JVM (jcmd JFR.start). */
    static void startExternal(long pid, String name) {
        Bench.run(List.of(Bench.jcmdBin(), Long.toString(pid), "JFR.start", "name=" + name, "settings=profile"), Duration.ofMinutes(1));
    }

    /** Stops a recording in another JVM and writes it to {@code out}. */
    static Path stopExternal(long pid, String name, Path out) {
        try {
            Files.createDirectories(out.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Bench.run(List.of(Bench.jcmdBin(), Long.toString(pid), "JFR.dump", "name=" + name, "filename=" + out.toAbsolutePath()), Duration.ofMinutes(2));
        Bench.run(List.of(Bench.jcmdBin(), Long.toString(pid), "JFR.stop", "name=" + name), Duration.ofMinutes(1));
        return out;
    }

    /** A one-paragraph summary of the execution samples of a recording. */
    static String summary(Path jfr, int n) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> aikg = new HashMap<>();
        int samples = 0;
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) continue;
                samples++;
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String type = f.getMethod().getType().getName();
                    if (type.startsWith("org.aikg.") && !type.startsWith("org.aikg.bench.")) {
                        String m = name(f);
                        if (seen.add(m)) aikg.merge(m, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            return "(cannot read " + jfr + ": " + e.getMessage() + ")";
        }
        if (samples == 0) return "(no samples in " + jfr + ")";
        final int total = samples;
        String top = self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(x -> String.format(Locale.ROOT, "%s %.0f%%", x.getKey(), 100.0 * x.getValue() / total)).collect(Collectors.joining("; "));
        String ours = aikg.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(x -> String.format(Locale.ROOT, "%s %.0f%%", x.getKey(), 100.0 * x.getValue() / total)).collect(Collectors.joining("; "));
        return total + " samples. Top frames (self): " + top + ". aikg methods on the stack (inclusive): " + (ours.isEmpty() ? "none" : ours) + ".";
    }

    /** {@code Class.method}; aikg's own with their package below org.aikg ({@code server.Pages.charts}). */
    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        String shown = type.startsWith("org.aikg.") ? type.substring("org.aikg.".length()) : type.substring(type.lastIndexOf('.') + 1);
        return shown + "." + f.getMethod().getName();
    }

    /** The classes holding most of the heap of another JVM (jcmd GC.class_histogram), top n. */
    static String histogram(long pid, int n) {
        String out = Bench.run(List.of(Bench.jcmdBin(), Long.toString(pid), "GC.class_histogram"), Duration.ofMinutes(2));
        StringBuilder b = new StringBuilder();
        int k = 0;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) continue;
            if (k++ == n) break;
            String cls = f[3].startsWith("org.aikg.") ? f[3].substring("org.aikg.".length()) : f[3].substring(f[3].lastIndexOf('.') + 1);
            if (b.length() > 0) b.append("; ");
            b.append(cls).append(' ').append(Bench.mib(Long.parseLong(f[2])));
        }
        return b.toString();
    }
}
