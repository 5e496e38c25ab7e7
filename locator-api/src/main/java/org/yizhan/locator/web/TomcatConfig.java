package org.yizhan.locator.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

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

    /**
     * Tomcat copies a response into a per-connection buffer and writes the socket each time it
     * fills: 8 KB by default, so a viewport page of 200 stations (165 KB) took 21 writes and
     * nearest's ten stations (~8.1 KB) two. With 32 KB they take 6 and one; the service's CPU per
     * page fell from 1,070 to 694 µs, per nearest answer from 256 to 219 µs (docs/SCALING.md,
     * session 12). The buffer is allocated for every open connection: 2,000 idle keep-alive
     * connections held 91 MB of heap with 32 KB against 157 MB with 64 KB, which gained little more.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer(
            @Value("${yizhan.http.socket-write-buffer}") DataSize size) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (!connector.setProperty("socket.appWriteBufSize", String.valueOf(Math.toIntExact(size.toBytes())))) {
                throw new IllegalStateException("Tomcat did not take socket.appWriteBufSize");
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
