package io.esbridge.feed.read;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import io.esbridge.record.SourceRef;

/**
 * {@code key=value} files, one record per file, as DirectAdmin keeps each user ({@code users/alice/user.conf}) and
 * package ({@code packages/basic.pkg}): one file, or a {@code .tar.gz} of them (read entry by entry with
 * commons-compress, never unpacked to disk or held whole). Lines starting with {@code #} and blank lines are skipped;
 * the value is everything after the first {@code =}. Besides its keys each record has {@code _file} (its path: the
 * file's name, or the entry's path in the archive) and {@code _name} (that path's last part without its extension:
 * {@code basic} for {@code packages/basic.pkg}), since a package file does not name itself.
 * <p>
 * A record's position is its file (or {@code archive.tar.gz:entry}) and the line of its first key. A file that is
 * not {@code key=value} text (a line without {@code =}, a key twice, bytes that are not text in the charset) is a
 * rejected record saying which line and why, never quoting it; the other files are read on. An archive that breaks
 * off mid-way is unreadable from there, the entries before it read.
 */
public final class KeyValueFeedRows extends LookaheadFeedRows {

    /** Larger than any user.conf: an entry this big is something else, and is rejected rather than read whole. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;

    private final String name;
    private final Charset charset;
    private final InputStream single;
    private final TarArchiveInputStream archive;
    private final PathMatcher entries;

    /**
     * @param records for an archive, which of its entries are records (a glob such as {@code **}{@code /user.conf});
     *                {@code null}: every file in it. Ignored for a single file, which is always one record.
     */
    public KeyValueFeedRows(InputStream in, Charset charset, String name, String records) {
        this.name = name;
        this.charset = charset;
        if (isArchive(name)) {
            try {
                archive = new TarArchiveInputStream(new GzipCompressorInputStream(in));
            } catch (IOException e) {
                throw new FeedUnreadableException(name + " is not a .tar.gz archive: " + e.getMessage(), e);
            }
            single = null;
            entries = records == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + records.strip());
        } else {
            archive = null;
            single = in;
            entries = null;
        }
    }

    /** A {@code .tar.gz} of key=value files rather than one of them. */
    public static boolean isArchive(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
    }

    @Override
    protected SourcedRow readNext() {
        return archive == null ? nextFile() : nextEntry();
    }

    @Override
    protected void closeInput() throws IOException {
        if (archive != null) {
            archive.close();
        } else {
            single.close();
        }
    }

    private SourcedRow nextFile() {
        if (read() > 0) {
            return null;
        }
        try {
            byte[] content = single.readNBytes(MAX_RECORD_BYTES + 1);
            return record(name, name, content);
        } catch (IOException e) {
            throw new FeedUnreadableException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private SourcedRow nextEntry() {
        String after = read() == 0 ? "its start" : "entry " + read();
        try {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                String path = entry.getName().replaceFirst("^\\./", "");
                if (!entry.isFile() || (entries != null && !entries.matches(Path.of(path)))) {
                    continue;
                }
                byte[] content = archive.readNBytes(MAX_RECORD_BYTES + 1);
                return record(name + ":" + path, path, content);
            }
            return null;
        } catch (IOException e) {
            throw new FeedUnreadableException(
                    name + " cannot be read after " + after + ": " + e.getMessage()
                            + "; the entries before it were read, the rest was not: fix the archive and import it"
                            + " again (what was applied stays unchanged)",
                    e);
        }
    }

    private SourcedRow record(String source, String path, byte[] content) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("_file", path);
        String last = path.substring(path.lastIndexOf('/') + 1);
        values.put("_name", last.contains(".") ? last.substring(0, last.lastIndexOf('.')) : last);
        if (content.length > MAX_RECORD_BYTES) {
            return new SourcedRow(
                    SourceRef.fileLine(source, 1),
                    values,
                    "is larger than " + MAX_RECORD_BYTES / 1024 + " KB, which no key=value record is: it was not read");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        long first = 0;
        long number = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(content),
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    problems.add(
                            "line " + number + (eq == 0 ? " has no key before '='" : " is not key=value (no '=')"));
                    continue;
                }
                String key = line.substring(0, eq).strip();
                Long before = lineOf.putIfAbsent(key, number);
                if (before != null) {
                    problems.add("key " + key + " is on line " + before + " and again on line " + number);
                    continue;
                }
                first = first == 0 ? number : first;
                values.put(key, line.substring(eq + 1));
            }
        } catch (CharacterCodingException e) {
            return new SourcedRow(
                    SourceRef.fileLine(source, Math.max(number + 1, 1)),
                    values,
                    "line " + (number + 1) + " is not " + charset.name()
                            + " text: set the mapping's charset to the files' charset");
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory", e);
        }
        SourceRef where = SourceRef.fileLine(source, Math.max(first, 1));
        if (!problems.isEmpty()) {
            return new SourcedRow(where, values, "is not key=value text: " + String.join("; ", problems));
        }
        return SourcedRow.of(where, values);
    }
}
