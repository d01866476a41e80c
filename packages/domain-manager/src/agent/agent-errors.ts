import { CallTimeoutError, ErrorCode, LibvirtError } from '@kvmkit/libvirt-rpc';
import { domainManagerError } from '../errors/domain-manager-errors.ts';

/**
 * Turns a failed guest-agent call into a typed error: an absent agent is AGENT_NOT_CONNECTED,
 * silence is AGENT_TIMEOUT, the agent's own refusal is AGENT_COMMAND_FAILED.
 */
export function agentError(error: unknown, vmi: string, command: string): unknown {
  const details = { vmi, command };
  if (error instanceof CallTimeoutError) return domainManagerError('AGENT_TIMEOUT', `guest agent of ${vmi} did not answer '${command}' in time`, details, error);
  if (!(error instanceof LibvirtError)) return error;
  const message = error.daemonMessage;
  if (/not connected|not configured|agent is not/i.test(message) || (error.code === ErrorCode.AGENT_UNRESPONSIVE && /not connected/i.test(message))) {
    return domainManagerError('AGENT_NOT_CONNECTED', `guest agent of ${vmi} is not connected: ${message}`, details, error);
  }
  if (error.code === ErrorCode.AGENT_UNRESPONSIVE || error.code === ErrorCode.AGENT_COMMAND_TIMEOUT) {
    return domainManagerError('AGENT_TIMEOUT', `guest agent of ${vmi} did not answer '${command}': ${message}`, details, error);
  }
  if (error.code === ErrorCode.AGENT_COMMAND_FAILED || error.code === ErrorCode.INTERNAL_ERROR) {
    return domainManagerError('AGENT_COMMAND_FAILED', `guest agent of ${vmi} failed '${command}': ${message}`, details, error);
  }
  if (error.code === ErrorCode.NO_SUPPORT) {
    return domainManagerError('UNSUPPORTED_ON_HOST', `'${command}' is not supported by this libvirt driver: ${message}`, details, error);
  }
  return domainManagerError('LIBVIRT_CALL_FAILED', `guest agent call '${command}' for ${vmi} failed: ${message}`, details, error);
}
