package dev.newsroom.media.service;

import static dev.newsroom.problem.Refusal.Reason.NOT_PERMITTED;
import static dev.newsroom.problem.Refusal.Reason.UNAVAILABLE;
import static dev.newsroom.problem.Refusal.Reason.WRONG_STATE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.newsroom.events.MediaEventType;
import dev.newsroom.events.content.ImageTextLimits;
import dev.newsroom.events.content.XmlCharacters;
import dev.newsroom.media.MediaAsset;
import dev.newsroom.media.StoredRendition;
import dev.newsroom.media.config.MediaConfig;
import dev.newsroom.media.event.MediaEventMapper;
import dev.newsroom.media.image.EmbeddedMetadata;
import dev.newsroom.media.image.ImageInfo;
import dev.newsroom.media.image.ImageInspector;
import dev.newsroom.media.image.ImageLimits;
import dev.newsroom.media.image.ImageRejectedException;
import dev.newsroom.media.image.MetadataReader;
import dev.newsroom.media.image.Rendition;
import dev.newsroom.media.image.RenditionGenerator;
import dev.newsroom.media.image.StoredOriginal;
import dev.newsroom.media.repository.AssetUses;
import dev.newsroom.media.storage.BlobStorage;
import dev.newsroom.outbox.Outbox;
import dev.newsroom.problem.Problem;
import dev.newsroom.problem.ControlCharacters;
import dev.newsroom.problem.Refusal;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * Accepts images, keeps their renditions, edits what the picture desk says about them, and reports
 * every change through the outbox. Image bytes are written before the database row, so a row never
 * points at missing files; a failed transaction removes what it had written.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class MediaService {

    private static final String UPLOAD = "upload";
    private static final int MAX_BYLINE = 500;
    private static final int MAX_FILE_NAME = 300;

    private final ImageInspector inspector;
    private final MetadataReader metadata;
    private final RenditionGenerator renditions;
    private final BlobStorage storage;
    private final Outbox outbox;
    private final MediaConfig config;
    private final Clock clock;
    private final AssetUses uses;
    private final UploadMetrics uploads;

    /** What an uploader says about the image; blank fields are filled from the image's own metadata. */
    public record Description(String caption, String credit, String altText) {

        /** Refuses text the columns or the feeds cannot hold, naming each field. */
        void validate() {
            List<Problem.FieldError> errors = new ArrayList<>();
            check(errors, "caption", caption, ImageTextLimits.CAPTION_MAX);
            check(errors, "credit", credit, ImageTextLimits.CREDIT_MAX);
            check(errors, "altText", altText, ImageTextLimits.ALT_TEXT_MAX);
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
        }

        private static void check(List<Problem.FieldError> errors, String field, String value, int max) {
            String text = value == null ? "" : value.strip();
            Optional<String> unstorable = XmlCharacters.problem(text);
            if (unstorable.isPresent()) {
                errors.add(new Problem.FieldError(field, unstorable.get()));
                return;
            }
            int length = text.codePointCount(0, text.length());
            if (length > max) {
                errors.add(new Problem.FieldError(field, "has " + length + " characters; at most " + max + " are accepted"));
            }
        }
    }

    public MediaAsset upload(Path file, String fileName, Description description, String user) {
        description.validate();
        if (ControlCharacters.hasControl(fileName)) {
            throw Refusal.invalid("file", "the file name must not contain control characters");
        }
        ImageInfo info;
        List<Rendition> made;
        try {
            info = inspector.inspect(file, new ImageLimits(config.maxBytes(), config.maxPixels()));
            made = renditions.generate(file, info);
        } catch (ImageRejectedException e) {
            uploads.refused(e.reason());
            throw rejected(e);
        }
        EmbeddedMetadata embedded = metadata.read(file);

        MediaAsset asset = new MediaAsset();
        asset.id = UUID.randomUUID();
        // Embedded text was not typed by the uploader: cut to what the columns hold rather than refuse the photo.
        asset.caption = firstNonBlank(description.caption(),
                clip(withoutControls(embedded.caption()), ImageTextLimits.CAPTION_MAX));
        asset.credit = firstNonBlank(description.credit(),
                clip(withoutControls(embedded.credit()), ImageTextLimits.CREDIT_MAX));
        asset.byline = clip(blankToNull(withoutControls(embedded.byline())), MAX_BYLINE);
        asset.altText = blankToNull(description.altText());
        asset.width = info.width();
        asset.height = info.height();
        asset.mimeType = info.format().mimeType();
        asset.bytes = size(file);
        asset.fileName = clip(baseName(fileName), MAX_FILE_NAME);
        asset.createdBy = user;
        asset.createdAt = clock.instant();

        List<String> written = new ArrayList<>();
        try {
            // The upload is kept for the archive, never served, and without what identifies people or places
            // (GPS, serial numbers): only its orientation, colour profile, caption, credit and by-line remain.
            storeOriginal(key(asset.id, UPLOAD), file, info, embedded);
            written.add(key(asset.id, UPLOAD));
            for (Rendition rendition : made) {
                storage.put(key(asset.id, rendition.name()), rendition.bytes());
                written.add(key(asset.id, rendition.name()));
                asset.renditions.add(stored(rendition));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                asset.revision = 1;
                asset.updatedAt = asset.createdAt;
                asset.persist();
                emit(asset, MediaEventType.CREATED);
            });
            return asset;
        } catch (IOException e) {
            removeQuietly(written);
            throw new UncheckedIOException("storing the image failed", e);
        } catch (RuntimeException e) {
            removeQuietly(written);
            throw e;
        }
    }

    @Transactional
    public MediaAsset get(UUID id) {
        return MediaAsset.<MediaAsset>findByIdOptional(id)
                .filter(asset -> !asset.isDeleted())
                .orElseThrow(() -> Refusal.notFound("media asset " + id));
    }

    /** One page of assets, and how many the filter matches in all. */
    public record AssetPage(List<MediaAsset> items, long total) {
    }

    /** The assets a story may use, newest upload first, optionally only those one user uploaded. */
    @Transactional
    public AssetPage usable(String uploadedBy, int page, int size) {
        PanacheQuery<MediaAsset> query = MediaAsset.usable(uploadedBy);
        return new AssetPage(query.page(Page.of(page, size)).list(), query.count());
    }

    /** Who asks: an editor may change what readers see; a writer only what no live or scheduled story uses. */
    public record Caller(String name, boolean editor) {
    }

    @Transactional
    public MediaAsset describe(UUID id, Description description, Caller caller) {
        description.validate();
        MediaAsset asset = locked(id);
        if (!caller.editor() && uses.inUse(id)) {
            throw Refusal.of(NOT_PERMITTED,
                    "a published or scheduled story uses this asset: only an editor may change its caption, credit "
                            + "or alt text");
        }
        asset.caption = blankToNull(description.caption());
        asset.credit = blankToNull(description.credit());
        asset.altText = blankToNull(description.altText());
        asset.revision++;
        asset.updatedAt = clock.instant();
        emit(asset, MediaEventType.UPDATED);
        return asset;
    }

    /**
     * Deletes an asset and then its stored files (the upload with its metadata, and every rendition). Deletion
     * belongs to the uploader or an editor; an asset a published or scheduled story uses is deleted only by an editor
     * who confirms with {@code force}, since the photo then vanishes from the live story.
     */
    public void delete(UUID id, Caller caller, boolean force) {
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> {
            MediaAsset asset = locked(id);
            if (!caller.editor() && !caller.name().equals(asset.createdBy)) {
                throw Refusal.of(NOT_PERMITTED,
                        "only the uploader of an asset or an editor may delete it");
            }
            if (uses.inUse(id)) {
                if (!caller.editor()) {
                    throw Refusal.of(NOT_PERMITTED,
                            "a published or scheduled story uses this asset: only an editor may delete it");
                }
                if (!force) {
                    throw Refusal.of(WRONG_STATE, "a published or scheduled story uses this asset and would lose "
                            + "its photo: delete with ?force=true to confirm");
                }
            }
            asset.deletedAt = clock.instant();
            asset.updatedAt = asset.deletedAt;
            asset.revision++;
            emit(asset, MediaEventType.DELETED);
            List<String> stored = new ArrayList<>();
            stored.add(key(id, UPLOAD));
            asset.renditions.forEach(rendition -> stored.add(key(id, rendition.name)));
            return stored;
        });
        // After the commit: a failed removal leaves a file nobody can reach (deliver() checks the row), and is logged.
        removeQuietly(keys);
    }

    /** The bytes of one rendition of a live asset. */
    @Transactional
    public Optional<Delivery> deliver(UUID id, String name) {
        Optional<MediaAsset> asset = MediaAsset.<MediaAsset>findByIdOptional(id).filter(found -> !found.isDeleted());
        Optional<StoredRendition> rendition = asset.flatMap(found -> found.rendition(name));
        if (rendition.isEmpty()) {
            return Optional.empty();
        }
        try {
            return storage.get(key(id, name)).map(bytes -> new Delivery(rendition.get(), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("reading rendition " + name + " of " + id + " failed", e);
        }
    }

    /** A rendition's description and a stream of its bytes, which the caller closes. */
    public record Delivery(StoredRendition rendition, InputStream bytes) {
    }

    private MediaAsset locked(UUID id) {
        return MediaAsset.<MediaAsset>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(asset -> !asset.isDeleted())
                .orElseThrow(() -> Refusal.notFound("media asset " + id));
    }

    private void emit(MediaAsset asset, MediaEventType type) {
        outbox.append(asset.id.toString(), type.cloudEventType(),
                MediaEventMapper.toSnapshot(asset, config.publicUrl()), asset.updatedAt);
        Log.infof("asset %s: %s", asset.id, type.cloudEventType());
    }

    private static Refusal rejected(ImageRejectedException e) {
        return switch (e.reason()) {
            case UNSUPPORTED_TYPE -> Refusal.unsupportedType("file", e.getMessage());
            case TOO_MANY_BYTES -> Refusal.tooLarge("file", e.getMessage());
            case TOO_MANY_PIXELS, CORRUPT -> Refusal.unprocessable("file", e.getMessage());
            case BUSY -> Refusal.of(UNAVAILABLE, e.getMessage());
        };
    }

    private static StoredRendition stored(Rendition rendition) {
        StoredRendition stored = new StoredRendition();
        stored.name = rendition.name();
        stored.width = rendition.width();
        stored.height = rendition.height();
        stored.mimeType = rendition.mimeType();
        stored.bytes = rendition.bytes().length;
        stored.sha256 = sha256(rendition.bytes());
        return stored;
    }

    private void storeOriginal(String key, Path upload, ImageInfo info, EmbeddedMetadata embedded) throws IOException {
        Path stripped = Files.createTempFile("newsroom-original-", ".tmp");
        try {
            StoredOriginal.write(upload, info, embedded, stripped);
            storage.put(key, stripped);
        } finally {
            Files.deleteIfExists(stripped);
        }
    }

    private void removeQuietly(List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException e) {
                // the key starts with the asset's id
                Log.warnf("could not remove the stored file %s: %s", key, e.getMessage());
            }
        }
    }

    private static String key(UUID id, String name) {
        return id + "/" + name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String firstNonBlank(String given, String embedded) {
        return given != null && !given.isBlank() ? given.strip() : blankToNull(embedded);
    }

    /** At most {@code max} characters (code points), cut with an ellipsis. */
    private static String clip(String value, int max) {
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
    }

    /** The name without any folder a browser may have sent along. */
    private static String baseName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return name.isBlank() ? null : name.strip();
    }

    /** Embedded text comes from any camera or tool: controls (a NUL the database refuses) are dropped, not refused. */
    private static String withoutControls(String value) {
        return value == null ? null : value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
