package dev.newsroom.observability;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tags every metric with {@code application="<service>"}, so alert rules and dashboards tell the services apart the
 * same way whichever scrape configuration collected them (PodMonitor, ServiceMonitor or prometheus.io annotations).
 */
public class ApplicationTag {

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }
}
