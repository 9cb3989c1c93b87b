/**
 * The executive dashboard (product.md §13): every vendor's balanced score and its trend, each KPI
 * against target, QA pass rate with its interval, escalations and SLA breaches, service credits and
 * lifecycle phase, the signed-in executive's pending approvals with a link into Camunda Tasklist,
 * and a drill-down page per vendor. Server-rendered with Thymeleaf; charts drawn by Chart.js from
 * data attributes. Reads the daily rollups and per-slice aggregates, never the raw interactions.
 */
package dev.steward.dashboard;
