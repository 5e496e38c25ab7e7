package org.yizhan.geo.demo;

import java.util.List;

/**
 * The districts of the demo dataset with hand-picked WGS-84 anchor points (district centres, or
 * for 渝中区 points along the peninsula's spine so that scatter stays on land), the scatter radius
 * around each anchor, the number of stations, and local street and road names.
 */
final class DemoDistricts {

    /** One anchor: a point and the radius in km that stations are scattered within. */
    record Anchor(double lat, double lng, double radiusKm) {}

    record District(
            String adcode,
            String city,
            String district,
            String en,
            String cityShort,
            int stations,
            List<Anchor> anchors,
            List<String> streets,
            List<String> roads) {

        /** The point every station of the district lies near (the first anchor). */
        Anchor centre() {
            return anchors.get(0);
        }
    }

    private DemoDistricts() {}

    private static District d(
            String adcode,
            String city,
            String district,
            String en,
            String cityShort,
            int stations,
            double lat,
            double lng,
            double radiusKm,
            String streets,
            String roads) {
        return new District(
                adcode,
                city,
                district,
                en,
                cityShort,
                stations,
                List.of(new Anchor(lat, lng, radiusKm)),
                List.of(streets.split("、")),
                List.of(roads.split("、")));
    }

    static final List<District> ALL = List.of(
            d(
                    "150302",
                    "乌海市",
                    "海勃湾区",
                    "Haibowan District",
                    "乌海",
                    32,
                    39.684,
                    106.822,
                    2.5,
                    "新华街道、新华西街道、凤凰岭街道、海北街道、滨河街道、林荫街道、千里山镇",
                    "人民路、新华大街、海北大街、黄河东街、滨河大道、林荫路、团结街、甘德尔街"),
            d(
                    "150303",
                    "乌海市",
                    "海南区",
                    "Hainan District",
                    "乌海",
                    14,
                    39.441,
                    106.891,
                    2.0,
                    "西卓子山街道、拉僧庙镇、巴音陶亥镇、公乌素镇",
                    "人民路、赛汗路、健康路、海南路、新欣路"),
            d(
                    "150304",
                    "乌海市",
                    "乌达区",
                    "Wuda District",
                    "乌海",
                    14,
                    39.505,
                    106.727,
                    2.0,
                    "三道坎街道、五虎山街道、梁家沟街道、新达街道、巴音赛街道、苏海图街道",
                    "团结路、西海街、三道坎路、乌达大街、振兴路"),
            d(
                    "150103",
                    "呼和浩特市",
                    "回民区",
                    "Huimin District",
                    "呼和浩特",
                    50,
                    40.809,
                    111.628,
                    2.2,
                    "中山西路街道、环河街街道、光明路街道、海拉尔西路街道、新华西路街道、通道街街道、钢铁路街道、攸攸板镇",
                    "中山西路、新华大街、通道北街、通道南街、海拉尔西路、钢铁路、光明大街、公园西路"),
            d(
                    "150102",
                    "呼和浩特市",
                    "新城区",
                    "Xincheng District",
                    "呼和浩特",
                    16,
                    40.855,
                    111.670,
                    3.0,
                    "海拉尔东路街道、锡林北路街道、中山东路街道、东风路街道、解放街街道",
                    "新华东街、兴安北路、锡林北路、中山东路、东影南路、海拉尔东街"),
            d(
                    "150104",
                    "呼和浩特市",
                    "玉泉区",
                    "Yuquan District",
                    "呼和浩特",
                    14,
                    40.770,
                    111.665,
                    3.0,
                    "小召前街街道、兴隆巷街道、长和廊街道、石羊桥东路街道、西菜园街道、昭君路街道",
                    "大南街、鄂尔多斯大街、石羊桥路、昭君路、南二环路"),
            d(
                    "150105",
                    "呼和浩特市",
                    "赛罕区",
                    "Saihan District",
                    "呼和浩特",
                    16,
                    40.795,
                    111.705,
                    3.0,
                    "大学东路街道、人民路街道、中专路街道、敕勒川路街道、乌兰察布东路街道、昭乌达路街道",
                    "大学东街、乌兰察布东路、昭乌达路、呼伦贝尔南路、敕勒川大街"),
            d(
                    "150203",
                    "包头市",
                    "昆都仑区",
                    "Kundulun District",
                    "包头",
                    16,
                    40.650,
                    109.835,
                    2.2,
                    "林荫路街道、少先路街道、沼潭街道、昆北街道、阿尔丁街道、友谊大街街道、团结大街街道",
                    "钢铁大街、阿尔丁大街、友谊大街、林荫路、少先路、团结大街"),
            d(
                    "150204",
                    "包头市",
                    "青山区",
                    "Qingshan District",
                    "包头",
                    12,
                    40.650,
                    109.905,
                    2.5,
                    "幸福路街道、富强路街道、先锋道街道、自由路街道",
                    "幸福南路、钢铁大街、青年路、文化路、民族东路"),
            d(
                    "150202",
                    "包头市",
                    "东河区",
                    "Donghe District",
                    "包头",
                    12,
                    40.578,
                    110.040,
                    2.5,
                    "西脑包街道、南门外街道、和平路街道、东站街道",
                    "巴彦塔拉大街、和平路、东河路、南门外大街、环城路"),
            d(
                    "150207",
                    "包头市",
                    "九原区",
                    "Jiuyuan District",
                    "包头",
                    8,
                    40.605,
                    109.965,
                    2.5,
                    "沙河街道、萨如拉街道、赛汗街道、白音席勒街道",
                    "建华南路、建设路、滨河路、沙河大街"),
            d(
                    "152502",
                    "锡林郭勒盟",
                    "锡林浩特市",
                    "Xilinhot City",
                    "锡林浩特",
                    25,
                    43.933,
                    116.080,
                    2.5,
                    "希日塔拉街道、宝力根街道、楚古兰街道、杭盖街道、额尔敦街道、南郊街道",
                    "锡林大街、那达慕大街、额尔敦路、团结大街、扎尔格其路、贝子庙街"),
            d(
                    "420302",
                    "十堰市",
                    "茅箭区",
                    "Maojian District",
                    "十堰",
                    25,
                    32.592,
                    110.813,
                    2.5,
                    "武当路街道、二堰街道、五堰街道、白浪街道",
                    "人民南路、北京南路、浙江路、上海路、朝阳中路、五堰街、武当路"),
            d(
                    "420303",
                    "十堰市",
                    "张湾区",
                    "Zhangwan District",
                    "十堰",
                    25,
                    32.652,
                    110.769,
                    2.0,
                    "车城路街道、花果街道、红卫街道、汉江路街道、柏林镇",
                    "车城路、公园路、汉江路、人民北路、东风大道、发展大道"),
            d(
                    "110105",
                    "北京市",
                    "朝阳区",
                    "Chaoyang District",
                    "北京",
                    40,
                    39.935,
                    116.490,
                    3.5,
                    "朝外街道、建外街道、呼家楼街道、三里屯街道、团结湖街道、六里屯街道、八里庄街道、双井街道、劲松街道、潘家园街道、望京街道、酒仙桥街道、麦子店街道、左家庄街道",
                    "朝阳路、朝阳门外大街、建国路、东三环中路、工体北路、望京街、酒仙桥路、光华路、团结湖路、劲松路、广渠路、农展馆南路"),
            new District(
                    "500103",
                    "重庆市",
                    "渝中区",
                    "Yuzhong District",
                    "重庆",
                    40,
                    // Jialing River to the north, Yangtze to the south: small scatter around a spine of points.
                    List.of(
                            new Anchor(29.5545, 106.5560, 0.3),
                            new Anchor(29.5575, 106.5770, 0.35),
                            new Anchor(29.5530, 106.5690, 0.3),
                            new Anchor(29.5565, 106.5600, 0.3),
                            new Anchor(29.5540, 106.5480, 0.3),
                            new Anchor(29.5600, 106.5440, 0.25),
                            new Anchor(29.5480, 106.5330, 0.3),
                            new Anchor(29.5420, 106.5200, 0.35)),
                    List.of("解放碑街道、七星岗街道、朝天门街道、两路口街道、上清寺街道、南纪门街道、大溪沟街道、大坪街道、化龙桥街道".split("、")),
                    List.of("民族路、民权路、邹容路、中山一路、中山二路、中山三路、和平路、解放东路、新华路、长江一路、大坪正街、青年路、八一路".split("、"))));
}
