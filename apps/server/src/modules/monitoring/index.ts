// The monitoring module's public API: its routes, its background jobs, and the MQTT readings handler.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { AlertsService } from './alerts/alerts.service.ts';
import { MonitoringSettingsService } from './alerts/settings.service.ts';
import { BoardService } from './board/board.service.ts';
import { SummaryService } from './board/summary.service.ts';
import { PlanRulesService } from './rules/plan-rules.service.ts';
import { DevicesService } from './devices/devices.service.ts';
import { ReadingsService } from './readings/readings.service.ts';
import { readingsRoutes } from './readings/readings.routes.ts';
import { monitoringRoutes } from './monitoring.routes.ts';
import { monitoringImportsRoutes } from './imports/imports.routes.ts';

export { alertEscalationJob, escalateDueAlerts } from './alerts/escalation.job.ts';
export { missingDataJob, checkMissingData } from './rules/missing-data.job.ts';
export { measurementRemindersJob, sendMeasurementReminders } from './rules/reminders.job.ts';
export { mqttReadingsHandler } from './devices/mqtt-readings.ts';
export { startDeviceMqtt } from './devices/device-mqtt.ts';
export { resolveDeviceToken } from './devices/devices.service.ts';
export { ingestReadings } from './readings/ingest.ts';
export { monitoringImportJob } from './imports/imports.jobs.ts';
export { refreshMonitoringStatus } from './board/monitoring-status.repository.ts';

export function monitoringModuleRoutes(deps: AppDeps) {
  const services = {
    alerts: new AlertsService(deps),
    settings: new MonitoringSettingsService(deps),
    board: new BoardService(deps),
    summary: new SummaryService(deps),
    planRules: new PlanRulesService(deps),
  };
  const readings = new ReadingsService(deps);
  const devices = new DevicesService(deps);
  return async function routes(app: FastifyInstance) {
    await app.register(readingsRoutes(deps.db, readings, devices));
    await app.register(monitoringRoutes(services));
    await app.register(monitoringImportsRoutes(deps));
  };
}
