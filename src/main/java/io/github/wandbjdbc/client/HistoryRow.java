package io.github.wandbjdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One logged row of a run's history or system metrics, as W&B sent it. */
public record HistoryRow(String run, ObjectNode values) {}
