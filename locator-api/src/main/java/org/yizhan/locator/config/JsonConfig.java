package org.yizhan.locator.config;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

/**
 * How JSON is written. Coordinates are most of the numbers the API sends (a country view's
 * clusters, a viewport's stations); on Java 17 {@code Double.toString} was a fifth of a cluster
 * answer's CPU in a profile. Jackson's Schubfach writer gives the shortest text that reads back
 * as the same double, like {@code Double.toString} from Java 19 on.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonFactoryBuilderCustomizer fastDoubles() {
        return builder -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }
}
