package org.yizhan.locator.planning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.query-demand.*}.
 *
 * @param maxPendingCells most distinct ~300 m cells held in memory between flushes (one minute).
 *     Anonymous nearest queries choose the cells, so this bounds the memory they can take
 *     (about 120 bytes a cell: 100,000 cells ≈ 12 MB). Queries from further new cells before the
 *     next flush are counted only as overflow, which the flush logs.
 */
@ConfigurationProperties("yizhan.query-demand")
public record QueryDemandProperties(@DefaultValue("100000") int maxPendingCells) {}
