package io.esbridge.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * SHA-256 of a dropped file's content (64 hex characters, within the idempotent repository's 100), so that the same
 * file dropped again, under any name or date, is recognised. A name starting with {@value FeedHeaders#REIMPORT_PREFIX}
 * (or the header {@value FeedHeaders#REIMPORT}) is how an operator asks for it again: its digest is salted with the
 * time.
 */
@Component
public class FileDigest implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        java.io.File file = exchange.getIn().getBody(java.io.File.class);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.toPath()), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (file.getName().startsWith(FeedHeaders.REIMPORT_PREFIX)
                || exchange.getIn().getHeader(FeedHeaders.REIMPORT, false, Boolean.class)) {
            sha.update(Long.toString(System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        exchange.getIn().setHeader(FeedHeaders.DIGEST, HexFormat.of().formatHex(sha.digest()));
    }
}
