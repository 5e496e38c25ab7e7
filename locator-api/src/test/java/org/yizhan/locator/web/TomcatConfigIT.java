package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.yizhan.locator.support.ApiIT;

/** The running connector carries the settings {@link TomcatConfig} makes. */
class TomcatConfigIT extends ApiIT {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void largeAnswersAreWrittenThroughA32KbSocketBuffer() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        // Read back from the protocol handler's endpoint, not from what was asked for.
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize")))
                .isEqualTo(String.valueOf(32 * 1024));
    }
}
