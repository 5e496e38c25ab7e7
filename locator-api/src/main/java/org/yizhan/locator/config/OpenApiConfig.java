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
                .info(new Info()
                        .title("Yizhan rest-station locator API")
                        .version("v1")
                        .description("Open API for trade-union rest stations for outdoor workers: nearest stations, "
                                + "viewport queries, station lookup by plaque code. Coordinates in wgs84, gcj02 or bd09. "
                                + "Errors are RFC 9457 problem details (application/problem+json) with a title a person can act on "
                                + "and, for a bad parameter, the field; a stable `code` (such as station.code.malformed) names "
                                + "the problem for apps to branch on. Title and detail come in Chinese or English: the `lang` "
                                + "parameter, else Accept-Language, else Chinese (Content-Language says which).\n\n"
                                + "**Keys and quotas.** Every /api/ request counts against a quota in two fixed windows, the clock's "
                                + "minute and the local day (Asia/Shanghai). An app sends the key a union's administrator issued it in "
                                + "the X-API-Key header and gets that key's quota; without a key the quota is per client address and "
                                + "smaller. Every answer says where the caller stands in the IETF fields (draft-ietf-httpapi-ratelimit-headers): "
                                + "`RateLimit-Policy: \"minute\";q=1200;w=60, \"day\";q=500000;w=86400` and "
                                + "`RateLimit: \"minute\";r=1187;t=17, \"day\";r=499120;t=40213` (r = requests left, t = seconds until "
                                + "the window resets). Over quota: 429 problem with Retry-After (seconds). An unknown or revoked key: 401 "
                                + "problem, counted against the address. The database away: 503 with Retry-After.")
                        .license(new License().name("Apache-2.0")))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        "basic",
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("basic"))
                                .addSecuritySchemes(
                                        "apiKey",
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.APIKEY)
                                                .in(SecurityScheme.In.HEADER)
                                                .name("X-API-Key")
                                                .description(
                                                        "Optional on every public operation: a key issued in the workspace, for the key's own quota "
                                                                + "instead of the anonymous one. Unknown or revoked keys get 401.")));
    }
}
