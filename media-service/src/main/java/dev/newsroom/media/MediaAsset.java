package dev.newsroom.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An image asset: what the picture desk says about it and the renditions readers get. */
@Entity
@Table(name = "media_asset")
public class MediaAsset extends PanacheEntityBase {

    private static final List<String> RENDITION_ORDER = List.of("original", "large", "thumb");

    @Id
    public UUID id;

    @Version
    public long version;

    /** Counts changes; events carry it so consumers can drop older ones. */
    public int revision;

    public String caption;
    public String credit;
    public String byline;

    public String altText;

    public int width;
    public int height;

    public String mimeType;

    public long bytes;

    public String fileName;

    public String createdBy;

    public Instant createdAt;

    public Instant updatedAt;

    public Instant deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "media_rendition", joinColumns = @JoinColumn(name = "asset_id"))
    @OrderBy("width DESC")
    public List<StoredRendition> renditions = new ArrayList<>();

    /**
     * The renditions largest first: original, large, thumb. Sizes alone do not order them, since the renditions of
     * an image narrower than 1200 px share its width.
     */
    public List<StoredRendition> renditionsInOrder() {
        return renditions.stream().sorted(Comparator.comparingInt(MediaAsset::rank)).toList();
    }

    private static int rank(StoredRendition rendition) {
        int rank = RENDITION_ORDER.indexOf(rendition.name);
        return rank < 0 ? RENDITION_ORDER.size() : rank;
    }

    /**
     * The assets a story may use (never a deleted one), newest upload first; the id breaks ties so that pages never
     * overlap. {@code uploadedBy} narrows them to one user's uploads when given.
     */
    public static PanacheQuery<MediaAsset> usable(String uploadedBy) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        return uploadedBy == null
                ? find("deletedAt is null", newestFirst)
                : find("deletedAt is null and createdBy = ?1", newestFirst, uploadedBy);
    }

    public Optional<StoredRendition> rendition(String name) {
        return renditions.stream().filter(rendition -> rendition.name.equals(name)).findFirst();
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
