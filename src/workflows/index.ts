export * from "./check-integrations-health"
export * from "./steps/run-health-checks"
