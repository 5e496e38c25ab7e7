package org.yizhan.locator.station;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StationRepository extends JpaRepository<Station, Long> {

    Optional<Station> findByCode(String code);
}
