package dev.newsroom.feed.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the service's feeds over HTTP as a feed reader would. */
public final class Feeds {

    public static final List<String> FILES = List.of("rss.xml", "atom.xml", "feed.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Feeds() {
    }

    public static byte[] bytes(String path) {
        return given().get(path).then().statusCode(200).extract().asByteArray();
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + path, e);
        }
    }

    public static String section(String section, String file) {
        return "/feeds/sections/" + section + "/" + file;
    }

    public static String tag(String tag, String file) {
        return "/feeds/tags/" + tag + "/" + file;
    }
}
