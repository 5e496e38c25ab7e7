package org.yizhan.locator.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfig {

    /** Errors Tomcat raises before Spring sees the request become problem details too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The web app manifest's registered type; Tomcat's defaults do not know the extension. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> webAppManifestType() {
        return factory -> factory.addContextCustomizers(
                context -> context.addMimeMapping("webmanifest", "application/manifest+json"));
    }
}
