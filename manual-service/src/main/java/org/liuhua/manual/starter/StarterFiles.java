package org.liuhua.manual.starter;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a starter file (a JSON array of records); an absent file is no content, a malformed one fails the start. */
@Component
public class StarterFiles {

    private static final Logger log = LoggerFactory.getLogger(StarterFiles.class);
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ResourceLoader resources;

    StarterFiles(ResourceLoader resources) {
        this.resources = resources;
    }

    public <T> List<T> read(String location, Class<T> type) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            log.info("no starter content at {}", location);
            return List.of();
        }
        try (InputStream in = resource.getInputStream()) {
            return read(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read starter content " + location, e);
        }
    }

    public static <T> List<T> read(InputStream in, Class<T> type) {
        return JSON.readValue(in, JSON.getTypeFactory().constructCollectionType(List.class, type));
    }
}
