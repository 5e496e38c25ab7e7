package org.yizhan.locator.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI yizhanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Yizhan rest-station locator API").version("v1")
                        .description("Open API for trade-union rest stations for outdoor workers: nearest stations, "
                                + "viewport queries, station lookup by plaque code. Coordinates in wgs84, gcj02 or bd09. "
                                + "Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
