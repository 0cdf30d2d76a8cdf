import * as vscode from 'vscode';
import { validateEmulatorEndpoint, type CloudName } from '../azure/clouds';
import { UserCancelledError, type CommandHandler } from './context';

const CHOICES: Array<{ label: string; description: string; name: CloudName }> = [
  { label: 'Azure', description: 'AzureCloud', name: 'AzureCloud' },
  { label: 'Azure operated by 21Vianet (China)', description: 'AzureChinaCloud', name: 'AzureChinaCloud' },
  { label: 'Azure US Government', description: 'AzureUSGovernment', name: 'AzureUSGovernment' },
  { label: 'Local ARM emulator', description: 'Emulator', name: 'Emulator' },
];

export const selectCloud: CommandHandler = async ({ config }) => {
  let current: CloudName | undefined;
  try {
    current = config.cloudSelection().name;
  } catch {
    current = undefined;
  }
  const picked = await vscode.window.showQuickPick(
    CHOICES.map((c) => ({ ...c, picked: c.name === current, detail: c.name === current ? 'Current' : undefined })),
    { title: 'Select Azure Cloud' },
  );
  if (!picked) throw new UserCancelledError();
  if (picked.name !== 'Emulator') {
    await config.setCloud(picked.name);
    return;
  }
  const endpoint = await vscode.window.showInputBox({
    title: 'Emulator endpoint',
    prompt: 'HTTPS URL of the local ARM emulator',
    value: process.env.KEYLESS_ARM_ENDPOINT ?? 'https://127.0.0.1:',
    validateInput: validateEmulatorEndpoint,
  });
  if (endpoint === undefined) throw new UserCancelledError();
  const caPath = await vscode.window.showInputBox({
    title: 'Emulator certificate',
    prompt: "Path to the emulator's CA certificate (PEM); empty to use the system's trust store",
    value: process.env.KEYLESS_ARM_CA ?? '',
  });
  if (caPath === undefined) throw new UserCancelledError();
  await config.setCloud('Emulator', { endpoint: endpoint.trim(), caPath: caPath.trim() });
};
