package dev.newsroom.desk.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.desk.config.DeskConfig;

/**
 * The session as an encrypted, authenticated cookie value (AES-GCM): the desk keeps no state, and nobody can read
 * or forge a session without the key.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "desk-session";
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionCookie(DeskConfig config, ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        byte[] bytes = config.sessionKey().map(Base64.getDecoder()::decode).orElseGet(() -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        });
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(DeskSession session) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(session));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    /** The session in the cookie, if it is one of ours and not expired. */
    public Optional<DeskSession> open(String value) {
        if (value == null || value.isEmpty() || value.length() > 4096) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value.getBytes(StandardCharsets.US_ASCII));
            if (all.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            DeskSession session = json.readValue(plain, DeskSession.class);
            return session.expiresAt().isAfter(clock.instant()) ? Optional.of(session) : Optional.empty();
        } catch (IllegalArgumentException | GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
