package org.yizhan.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.geo.demo.DemoDistricts.Anchor;
import org.yizhan.geo.demo.DemoDistricts.District;
import org.yizhan.geo.division.Divisions;
import org.yizhan.geo.station.StationCsv;
import org.yizhan.geo.station.StationRecord;

class DemoDataGeneratorTest {

  private static List<StationRecord> demo;

  @BeforeAll
  static void readCheckedInResource() throws Exception {
    try (InputStream in = DemoDataGenerator.class.getResourceAsStream(DemoDataGenerator.RESOURCE);
        Stream<StationRecord> rows = StationCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      demo = rows.toList();
    }
  }

  @Test
  void checkedInFileIsWhatTheSeededGeneratorWrites() throws Exception {
    StringWriter regenerated = new StringWriter();
    try (StationCsv.Writer csv = StationCsv.writer(regenerated)) {
      DemoDataGenerator.generate().forEach(csv::write);
    }
    try (InputStream in = DemoDataGenerator.class.getResourceAsStream(DemoDataGenerator.RESOURCE)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(regenerated.toString());
    }
  }

  @Test
  void everyStationIsInAKnownCountyNearItsDistrictCentre() {
    Map<String, District> districts =
        DemoDistricts.ALL.stream().collect(Collectors.toMap(District::adcode, Function.identity()));
    assertThat(demo).hasSizeBetween(300, 400);
    for (StationRecord s : demo) {
      assertThat(Divisions.standard().isCountyLevel(s.adcode())).as(s.adcode()).isTrue();
      Anchor c = districts.get(s.adcode()).centre();
      double metres = Geodesic.WGS84.Inverse(c.lat(), c.lng(), s.lat(), s.lng()).s12;
      assertThat(metres).as(s.name()).isLessThan(6_000);
      assertThat(s.code()).isNull();
      assertThat(s.floorArea()).satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a).isBetween(15.0, 30.0));
    }
    assertThat(demo.stream().map(StationRecord::adcode).distinct())
        .contains("150302", "150303", "150304", "150103", "152502", "420302", "420303", "110105", "500103");
  }

  @Test
  void hoursStatusAndNamesLookLikeARealRegister() {
    double allDay = demo.stream().filter(s -> s.openingHours().equals("24/7")).count() / (double) demo.size();
    assertThat(allDay).isBetween(0.10, 0.20);
    Map<String, Long> statuses =
        demo.stream().collect(Collectors.groupingBy(StationRecord::status, Collectors.counting()));
    assertThat(statuses.get("closed")).isBetween(2L, 3L);
    assertThat(statuses.get("suspended")).isBetween(3L, 8L);
    assertThat(demo.stream().map(StationRecord::name).distinct()).hasSameSizeAs(demo);
    assertThat(demo.stream().map(StationRecord::contactPhone)).allMatch(p -> p.matches("1390000\\d{4}"));
    double microwave = demo.stream().filter(s -> s.amenities().contains("microwave")).count() / (double) demo.size();
    assertThat(microwave).isBetween(0.4, 0.6);
  }
}
