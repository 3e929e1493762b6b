package org.aikg.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aikg.input.Graphs;

/**
 * A progress bar over the sources of a run, drawn only on a terminal and only for runs of more
 * than a few sources; elsewhere (pipes, CI, tests) it draws nothing.
 */
final class Progress implements Graphs.Progress, AutoCloseable {
    private static final int MIN_SOURCES = 20;
    private ProgressBar bar;
    private final String task;

    Progress(String task) {
        this.task = task;
    }

    @Override
    public void done(int sources, int total) {
        if (bar == null) {
            if (total < MIN_SOURCES || System.console() == null) return;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" sources", 1).setUpdateIntervalMillis(250).build();
        }
        bar.stepTo(sources);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
