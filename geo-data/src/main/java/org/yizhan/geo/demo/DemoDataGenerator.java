package org.yizhan.geo.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.yizhan.geo.demo.DemoDistricts.Anchor;
import org.yizhan.geo.demo.DemoDistricts.District;
import org.yizhan.geo.station.StationCsv;
import org.yizhan.geo.station.StationRecord;

/**
 * Writes the demo dataset {@code demo-stations.csv}: ~350 realistic but fictional stations in the
 * pilot districts of {@link DemoDistricts}. Seeded, so regenerating gives the same file byte for
 * byte; a test checks that the checked-in resource still matches. Codes are left empty because the
 * server assigns them. Phone numbers all start 1390000 and are made up.
 *
 * <p>Run from {@code geo-data/}: {@code java -cp target/classes:<commons-csv jar>
 * org.yizhan.geo.demo.DemoDataGenerator [output.csv]}.
 */
public final class DemoDataGenerator {

    static final long SEED = 20_240_601L;
    static final String RESOURCE = "demo-stations.csv";
    private static final Path DEFAULT_OUTPUT = Path.of("src/main/resources/org/yizhan/geo/demo", RESOURCE);

    // Per-station probability of each amenity, from what the union reporting describes as usual.
    private static final double[] AMENITY_P = {
        0.97, 0.60, 0.50, 0.30, 0.85, 0.95, 0.90, 0.15, 0.70, 0.45, 0.40, 0.20, 0.40, 0.60, 0.25
    };
    private static final String[] HOURS = {
        "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "07:00-21:00", "Mo-Su 06:30-20:30",
        "Mo-Fr 09:00-17:00", "Mo-Su 08:00-20:00", "Mo-Sa 07:30-19:30; Su 09:00-17:00",
        "Mo-Su 06:00-22:00"
    };
    private static final String[] SURNAMES =
            "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
                    .split("");
    private static final String[] GIVEN =
            "伟、芳、娜、秀英、敏、静、丽、强、磊、军、洋、勇、艳、杰、娟、涛、明、超、秀兰、霞、平、刚、桂英、建华、志强、海燕、红梅、建国、玉兰、晓东、丽娟、文博、宇航、欣怡、子涵、巴特尔、乌云、其其格、额尔敦、萨仁、斯琴"
                    .split("、");
    private static final String[] COMMUNITIES =
            "幸福、和平、团结、光明、新华、建设、友谊、阳光、朝阳、滨河、文化、民主、胜利、公园、园林、康乐、富民、安居、振兴、北苑、南苑、东苑、西苑、育才、春华、金桥".split("、");
    private static final String[] SHOPS = "惠民、万家福、佳乐、顺心、邻里、家家福、好又多、益民".split("、");

    private DemoDataGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                StationCsv.Writer csv = StationCsv.writer(w)) {
            generate().forEach(csv::write);
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The whole demo dataset, in file order. */
    static List<StationRecord> generate() {
        Random rnd = new Random(SEED);
        List<StationRecord> stations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (District d : DemoDistricts.ALL) {
            for (int i = 0; i < d.stations(); i++) {
                stations.add(station(d, rnd, names, phones));
            }
        }
        // A handful suspended (renovation, host moved) and three closed, spread over the cities.
        for (int i = 0; i < 9; i++) {
            int at = rnd.nextInt(stations.size());
            StationRecord s = stations.get(at);
            stations.set(at, s.withStatus(i < 3 ? "closed" : "suspended"));
        }
        return stations;
    }

    private static StationRecord station(District d, Random rnd, Set<String> names, Set<String> phones) {
        String street = pick(rnd, d.streets());
        String road = pick(rnd, d.roads());
        String community = COMMUNITIES[rnd.nextInt(COMMUNITIES.length)] + "社区";
        String place = d.city() + d.district() + road + (1 + rnd.nextInt(298)) + "号";
        String[] h; // name, host organisation, address suffix, English name or null
        double kind = rnd.nextDouble();
        if (kind < 0.25) {
            h = switch (rnd.nextInt(3)) {
                case 0 -> new String[] {d.district() + street.replace("街道", "") + "职工驿站", street + "总工会", "", null};
                case 1 -> new String[] {street + "工会户外劳动者服务站点", street + "总工会", "", null};
                default ->
                    new String[] {
                        d.district() + street + "爱心驿站",
                        d.city() + d.district() + "总工会",
                        "",
                        d.en() + " Trade Union Rest Station No. "
                                + (1
                                        + names.stream()
                                                .filter(n -> n.startsWith(d.district()))
                                                .count())
                    };
            };
            return finish(d, rnd, names, phones, h, place, "self_built");
        }
        if (kind < 0.55) {
            h = rnd.nextBoolean()
                    ? new String[] {
                        community + "党群服务中心户外劳动者服务站点", street + community + "居民委员会", " " + community + "党群服务中心一楼", null
                    }
                    : new String[] {d.district() + community + "爱心驿站", street + community + "居民委员会", "", null};
        } else if (kind < 0.67) {
            String[][] banks = {
                {"工商银行", "中国工商银行"},
                {"建设银行", "中国建设银行"},
                {"农业银行", "中国农业银行"},
                {"中国银行", "中国银行"},
                {"邮储银行", "中国邮政储蓄银行"},
                {"交通银行", "交通银行"}
            };
            String[] b = banks[rnd.nextInt(banks.length)];
            String branch =
                    rnd.nextBoolean() ? d.district().substring(0, d.district().length() - 1) + "支行" : road + "支行";
            h = new String[] {b[0] + d.cityShort() + branch + "暖心驿站", b[1] + d.cityShort() + branch, "", null};
        } else if (kind < 0.73) {
            h = new String[] {
                "中国邮政" + d.cityShort() + "分公司" + street.replace("街道", "") + "职工驿站",
                "中国邮政集团有限公司" + d.city() + "分公司",
                "",
                null
            };
        } else if (kind < 0.78) {
            h = new String[] {
                "国网" + d.cityShort() + "供电公司" + street.replace("街道", "").replace("镇", "") + "供电所爱心驿站",
                "国网" + d.cityShort() + "供电公司",
                "",
                null
            };
        } else if (kind < 0.83) {
            String brand = rnd.nextBoolean() ? "中国石化" : "中国石油";
            h = new String[] {brand + road + "加油站司机之家", brand + d.cityShort() + "销售分公司", "", null};
        } else if (kind < 0.93) {
            String shop = SHOPS[rnd.nextInt(SHOPS.length)] + (rnd.nextBoolean() ? "超市" : "便利店");
            h = new String[] {shop + road + "店骑士驿站", d.cityShort() + shop + "商贸有限公司", "", null};
        } else {
            String[][] companies = {
                {"公交集团" + road + "场站职工驿站", "公共交通集团有限公司"},
                {"环卫中心" + street.replace("街道", "") + "作业站安康驿站", "环境卫生服务中心"},
                {"城投大厦暖心驿站", "城市建设投资集团有限公司"},
                {"水务集团" + road + "营业厅安康驿站", "水务集团有限公司"}
            };
            String[] c = companies[rnd.nextInt(companies.length)];
            h = new String[] {d.cityShort() + c[0], d.cityShort() + c[1], " 一楼大厅", null};
        }
        return finish(d, rnd, names, phones, h, place, "co_built");
    }

    private static StationRecord finish(
            District d, Random rnd, Set<String> names, Set<String> phones, String[] h, String place, String hostType) {
        String name = h[0];
        for (int n = 2; !names.add(name); n++) {
            name = h[0].replaceFirst("(驿站|站点|司机之家)$", "") + "第" + n + "站";
        }
        String phone;
        do {
            phone = String.format("1390000%04d", rnd.nextInt(10_000));
        } while (!phones.add(phone));
        double[] p = scatter(rnd, d.anchors().get(rnd.nextInt(d.anchors().size())));
        List<String> amenities = new ArrayList<>();
        for (int i = 0; i < AMENITY_P.length; i++) {
            if (rnd.nextDouble() < AMENITY_P[i]) {
                amenities.add(StationRecord.AMENITIES.get(i));
            }
        }
        String hours = rnd.nextDouble() < 0.15 ? "24/7" : HOURS[rnd.nextInt(HOURS.length)];
        Double area = rnd.nextDouble() < 0.1 ? null : 15 + rnd.nextInt(31) / 2.0;
        String person = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
        return new StationRecord(
                null,
                name,
                h[3],
                place + h[2],
                p[0],
                p[1],
                d.adcode(),
                hostType,
                h[1],
                person,
                phone,
                hours,
                amenities,
                "active",
                area);
    }

    /** A point within the anchor's radius: Gaussian around it (σ = radius/2), redrawn beyond it. */
    private static double[] scatter(Random rnd, Anchor a) {
        double dx;
        double dy;
        do {
            dx = rnd.nextGaussian() * a.radiusKm() / 2;
            dy = rnd.nextGaussian() * a.radiusKm() / 2;
        } while (dx * dx + dy * dy > a.radiusKm() * a.radiusKm());
        double lat = a.lat() + dy / 111.32;
        double lng = a.lng() + dx / (111.32 * StrictMath.cos(StrictMath.toRadians(a.lat())));
        return new double[] {round6(lat), round6(lng)};
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String pick(Random rnd, List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
