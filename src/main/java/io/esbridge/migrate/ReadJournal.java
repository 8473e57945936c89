package io.esbridge.migrate;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.contract.ArrayOfPackageInfo;
import io.esbridge.contract.ArrayOfUserInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.state.SecretKeeper;

/**
 * The answers a source server gave to one migration's read, kept in the state store (table {@code es_migrate_read})
 * until the read is whole: when the source fails mid-read and the migration is run again, every read answered before
 * is taken from here and only the rest is asked of the source. {@link #clear()} once the read is whole, so that the
 * next migration reads the source as it then is. Answers are sealed ({@link SecretKeeper}): a WebsitePanel source
 * returns its users' passwords.
 */
final class ReadJournal {

    /** How an answer is kept as text. */
    interface Codec<T> {
        String write(T answer);

        T read(String text);
    }

    private final JdbcTemplate jdbc;
    private final SecretKeeper secrets;
    private final String source;
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicInteger asked = new AtomicInteger();
    /** Whether an earlier, unfinished read left answers when this journal was opened. */
    private final boolean resuming;

    /** A journal that keeps nothing: a read that writes nowhere ({@code check}), asked whole every time. */
    static ReadJournal none(String source) {
        return new ReadJournal(null, null, source);
    }

    ReadJournal(JdbcTemplate jdbc, SecretKeeper secrets, String source) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.source = source;
        // a read that begins with nothing kept (every migration but a resumed one) has nothing to look up: each of its
        // ten thousand reads is then one insert, not a select and an insert
        this.resuming = waiting() > 0;
    }

    /** The answers an earlier, unfinished read of this source left. */
    int waiting() {
        if (jdbc == null) {
            return 0;
        }
        Integer count = jdbc.queryForObject(
                "select count(*) from es_migrate_read where source_name = ?", Integer.class, source);
        return count == null ? 0 : count;
    }

    /** When the earliest answer kept was read, if any. */
    Optional<Instant> since() {
        if (jdbc == null) {
            return Optional.empty();
        }
        Timestamp at = jdbc.queryForObject(
                "select min(read_at) from es_migrate_read where source_name = ?", Timestamp.class, source);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    /** The kept answer to {@code key}, else the source's answer to {@code call}, kept before it is handed on. */
    <T> T read(String key, Codec<T> codec, Supplier<T> call) {
        if (jdbc == null) {
            asked.incrementAndGet();
            return call.get();
        }
        List<String> found = !resuming
                ? List.of()
                : jdbc.queryForList(
                        "select answer from es_migrate_read where source_name = ? and read_key = ?",
                        String.class,
                        source,
                        key);
        if (!found.isEmpty()) {
            kept.incrementAndGet();
            return codec.read(secrets.decrypt(found.get(0)));
        }
        T answer = call.get();
        asked.incrementAndGet();
        try {
            jdbc.update(
                    "insert into es_migrate_read (source_name, read_key, answer, read_at) values (?, ?, ?, ?)",
                    source,
                    key,
                    secrets.encrypt(codec.write(answer)),
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException sameReadTwice) {
            // two migrations of one source at once: both asked, the first answer is kept, either is as good
        }
        return answer;
    }

    /** Reads answered from the journal in this read. */
    int kept() {
        return kept.get();
    }

    /** Reads asked of the source in this read. */
    int asked() {
        return asked.get();
    }

    /** The read is whole: the next migration of this source reads it afresh. */
    void clear() {
        if (jdbc == null) {
            return;
        }
        jdbc.update("delete from es_migrate_read where source_name = ?", source);
    }

    // --- codecs: the server's own XML for its types (exact, dates and all), JSON for DataSet rows ---

    static final Codec<UserInfo> USER = new Jaxb<>(UserInfo.class);

    static final Codec<List<UserInfo>> USERS =
            map(new Jaxb<>(ArrayOfUserInfo.class), ArrayOfUserInfo::getUserInfo, l -> {
                ArrayOfUserInfo array = new ArrayOfUserInfo();
                array.getUserInfo().addAll(l);
                return array;
            });

    static final Codec<List<PackageInfo>> SPACES =
            map(new Jaxb<>(ArrayOfPackageInfo.class), ArrayOfPackageInfo::getPackageInfo, l -> {
                ArrayOfPackageInfo array = new ArrayOfPackageInfo();
                array.getPackageInfo().addAll(l);
                return array;
            });

    static final Codec<List<Map<String, String>>> ROWS = new Json<>(new TypeReference<>() {});

    static final Codec<Map<String, List<Map<String, String>>>> TABLES = new Json<>(new TypeReference<>() {});

    /** {@code Optional<UserInfo>}: an absent user (deleted while the tree was read) is kept as an empty text. */
    static final Codec<Optional<UserInfo>> OPTIONAL_USER = new Codec<>() {
        @Override
        public String write(Optional<UserInfo> answer) {
            return answer.map(USER::write).orElse("");
        }

        @Override
        public Optional<UserInfo> read(String text) {
            return text.isEmpty() ? Optional.empty() : Optional.of(USER.read(text));
        }
    };

    private static <A, T> Codec<T> map(
            Codec<A> inner, java.util.function.Function<A, T> out, java.util.function.Function<T, A> in) {
        return new Codec<>() {
            @Override
            public String write(T answer) {
                return inner.write(in.apply(answer));
            }

            @Override
            public T read(String text) {
                return out.apply(inner.read(text));
            }
        };
    }

    private static final class Jaxb<T> implements Codec<T> {
        private static final QName ROOT = new QName("kept");
        private final Class<T> type;
        private final JAXBContext context;

        Jaxb(Class<T> type) {
            this.type = type;
            try {
                this.context = JAXBContext.newInstance(type);
            } catch (JAXBException e) {
                throw new IllegalStateException("no JAXB context for " + type.getSimpleName(), e);
            }
        }

        @Override
        public String write(T answer) {
            try {
                StringWriter text = new StringWriter();
                context.createMarshaller().marshal(new JAXBElement<>(ROOT, type, answer), text);
                return text.toString();
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot keep a " + type.getSimpleName() + " answer", e);
            }
        }

        @Override
        public T read(String text) {
            try {
                return context.createUnmarshaller()
                        .unmarshal(new StreamSource(new StringReader(text)), type)
                        .getValue();
            } catch (JAXBException e) {
                throw new IllegalStateException("a kept " + type.getSimpleName() + " answer is unreadable", e);
            }
        }
    }

    private static final class Json<T> implements Codec<T> {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final TypeReference<T> type;

        Json(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String write(T answer) {
            try {
                return JSON.writeValueAsString(answer);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot keep an answer", e);
            }
        }

        @Override
        public T read(String text) {
            try {
                return JSON.readValue(text, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a kept answer is unreadable", e);
            }
        }
    }
}
