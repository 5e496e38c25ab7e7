package org.yizhan.locator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Yizhan locator service: station register, nearest-station API and the map. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YizhanApplication {

    public static void main(String[] args) {
        SpringApplication.run(YizhanApplication.class, args);
    }
}
