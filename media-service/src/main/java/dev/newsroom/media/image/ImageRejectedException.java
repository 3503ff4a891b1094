package dev.newsroom.media.image;

/** An upload that media-service will not take, with the reason and a message the uploader can act on. */
public class ImageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an image was refused; the upload turns each into a {@code Refusal}, which has its own status. */
    public enum Reason {
        /** Not a JPEG, PNG, WebP or GIF by its bytes (SVG, HTML, PDF, a renamed file, ...). */
        UNSUPPORTED_TYPE,
        /** The file is larger than {@link ImageLimits#maxBytes()}. */
        TOO_MANY_BYTES,
        /** The header declares more pixels than {@link ImageLimits#maxPixels()}. */
        TOO_MANY_PIXELS,
        /** The bytes start like an accepted format but cannot be read as one. */
        CORRUPT,
        /** Too many images are waiting to be converted; the upload may be retried later. */
        BUSY
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
