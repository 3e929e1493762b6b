package org.aikg.convert;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which file an output was, as a table kept in the cache describes it: its path, size and time. A
 * table whose stamp is not the output's present one describes another file (edited, replaced, or
 * written by something else) and is not used.
 */
record OutputStamp(String path, long size, long modified) {
    static OutputStamp of(Path output) throws IOException {
        Path p = output.toAbsolutePath().normalize();
        return new OutputStamp(p.toString(), Files.size(p), Files.getLastModifiedTime(p).toMillis());
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(path);
        out.writeLong(size);
        out.writeLong(modified);
    }

    static OutputStamp read(DataInputStream in) throws IOException {
        return new OutputStamp(in.readUTF(), in.readLong(), in.readLong());
    }
}
