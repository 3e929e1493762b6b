package org.aikg.cli;

/**
 * Chooses how much the libraries log, before the first logger is made: warnings only by default,
 * everything from aikg and Jena's progress with {@code --verbose}. The backend is slf4j-simple,
 * writing to standard error so that standard output stays clean for data.
 */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }
}
