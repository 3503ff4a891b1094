package dev.newsroom.problem;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.ws.rs.QueryParam;

/** The page and size query parameters of the APIs' list endpoints, documented once; {@link #paging()} checks them. */
public class PageQuery {

    @Parameter(description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
    @QueryParam("page")
    String page;

    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER,
            defaultValue = "" + Paging.DEFAULT_SIZE, minimum = "1", maximum = "" + Paging.MAX_SIZE))
    @QueryParam("size")
    String size;

    /** The page asked for; a value that is not a page or size is a 400 naming its parameter. */
    public Paging paging() {
        return Paging.of(page, size);
    }
}
