package org.yizhan.locator.account;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yizhan.locator.config.YizhanProperties;

/**
 * Creates the first administrator from YIZHAN_ADMIN_USERNAME / YIZHAN_ADMIN_PASSWORD when no
 * administrator exists yet. There is no default password: without the variable, nobody can
 * sign in until an operator sets one.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final YizhanProperties properties;
    private final Clock clock;

    AdminBootstrap(AccountRepository accounts, PasswordEncoder encoder, YizhanProperties properties, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.existsByRole(Role.ADMIN.value())) return;
        YizhanProperties.Admin admin = properties.admin();
        if (admin.password().isBlank()) {
            log.warn("No administrator yet and no YIZHAN_ADMIN_PASSWORD set: the register is read-only until one is.");
            return;
        }
        Account account = new Account(admin.username(), clock.instant());
        account.setDisplayName("Administrator");
        account.setPasswordHash(encoder.encode(admin.password()));
        account.setRole(Role.ADMIN);
        account.setRegions(List.of());
        accounts.save(account);
        log.info("Created the first administrator account '{}'", admin.username());
    }
}
