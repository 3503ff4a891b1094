package dev.newsroom.page;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nu.validator.client.EmbeddedValidator;

/** The W3C Nu HTML checker, run in-process: the messages it has about a page, as "type: message (line)". */
final class HtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlChecker() {
    }

    /** The errors (and fatal errors) the checker reports for html; warnings and infos are left out. */
    static List<String> errors(String html) {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        try {
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> errors = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report).path("messages")) {
                String type = message.path("type").asText();
                if (type.equals("error") || type.equals("non-document-error")) {
                    errors.add(type + ": " + message.path("message").asText() + " (line "
                            + message.path("lastLine").asText() + ": " + message.path("extract").asText() + ")");
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("the Nu checker could not run", e);
        }
    }
}
