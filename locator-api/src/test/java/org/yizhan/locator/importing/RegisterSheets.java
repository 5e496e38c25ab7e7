package org.yizhan.locator.importing;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.yizhan.locator.support.TestRandom;

/** Register files as unions write them: Chinese headers, one station per row. */
final class RegisterSheets {

    static final String HEADER = "站点名称,地址,纬度,经度,行政区划代码,建设方式,依托单位,负责人,联系电话,开放时间,服务设施";

    private RegisterSheets() {}

    /** {@code count} stations in Haibowan with names unique to this call. */
    static List<String> haibowanRows(int count) {
        Random random = TestRandom.current();
        String batch = Long.toString(Math.abs(random.nextLong()), 36).substring(0, 6);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double lat = 39.63 + random.nextDouble() * 0.06, lng = 106.80 + random.nextDouble() * 0.05;
            rows.add(String.format(
                    java.util.Locale.ROOT,
                    "导入测试驿站%s-%d,乌海市海勃湾区测试路%d号,%.6f,%.6f,150302,共建,海勃湾区总工会,李四,13900001111,Mo-Fr 08:00-18:00,微波炉、饮水机",
                    batch,
                    i,
                    i + 1,
                    lat,
                    lng));
        }
        return rows;
    }

    static byte[] csv(List<String> rows, Charset charset) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(charset);
    }
}
