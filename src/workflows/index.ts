export * from "./check-integrations-health"
export * from "./steps/run-health-checks"
export * from "./send-event-notifications"
export * from "./resend-delivery"
