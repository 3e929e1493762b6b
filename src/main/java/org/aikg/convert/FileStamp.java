package org.aikg.convert;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Which file a path named when the cache hashed it, as {@code stat} tells: device, inode, size, and
 * the times of the last write and the last change. Any write to the file, or a path that now names
 * another file, changes it; the change time cannot be set back by a program. A sheet whose sheet and
 * text still have the stamps recorded when they were hashed need not be read again (what git and
 * make rely on). A stamp is recorded only when the file's last change is at least {@link #SETTLED}
 * old: a write in the same tick of the file system's clock as the hashing could leave the times as
 * they were, so a file changed that recently is hashed again on the next run. The margin covers file
 * systems with coarse times (FAT's two seconds) and a file server's clock a little behind this
 * machine's; a file whose times lie ahead of this machine's clock (a server's clock ahead) never gets a stamp.
 */
record FileStamp(long device, long inode, long size, long modified, long changed) {
    /** How old a file's last change must be for its stamp to be trusted. */
    static final long SETTLED = TimeUnit.SECONDS.toNanos(3);

    /** The present stamp of the file {@code p} names (links followed), or null when it cannot be read. */
    static FileStamp of(Path p) {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:dev,ino,size,lastModifiedTime,ctime");
            return new FileStamp((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"), nanos(a.get("lastModifiedTime")),
                    nanos(a.get("ctime")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            return null;  // no stamp: the file is hashed every time
        }
    }

    /** This stamp when it may be recorded (the file settled before it was read), else null. */
    FileStamp settled(long nowNanos) {
        return changed <= nowNanos - SETTLED && modified <= nowNanos - SETTLED ? this : null;
    }

    /** True when the file changed after {@code nowNanos} (or its times lie ahead of this machine's clock). */
    boolean changedAfter(long nowNanos) {
        return changed > nowNanos || modified > nowNanos;
    }

    /** The wall clock in the stamps' unit (as precise as the system gives it: a file's times are in nanoseconds). */
    static long now() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    /** Writes {@code stamp}, which may be null, as {@link #read} reads it. */
    static void write(DataOutputStream out, FileStamp stamp) throws IOException {
        out.writeBoolean(stamp != null);
        if (stamp == null) return;
        out.writeLong(stamp.device);
        out.writeLong(stamp.inode);
        out.writeLong(stamp.size);
        out.writeLong(stamp.modified);
        out.writeLong(stamp.changed);
    }

    /** A stamp {@link #write} wrote, or null. */
    static FileStamp read(ByteBuffer in) {
        if (in.get() == 0) return null;
        return new FileStamp(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
