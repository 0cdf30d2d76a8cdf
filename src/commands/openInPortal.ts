import * as vscode from 'vscode';
import { portalUrl } from '../core/identities/portalUrl';
import { targetOf } from '../tree/nodeTargets';
import type { CommandHandler } from './context';

export const openInPortal: CommandHandler = async ({ session }, node) => {
  const target = targetOf(node);
  if (!target?.resourceId) throw new Error('Choose an identity, resource or subscription in the Keyless view to open it in the Azure portal.');
  const { cloud } = await session.access();
  const url = portalUrl(cloud.name, target.resourceId, target.tenantId);
  if (!url) {
    void vscode.window.showInformationMessage(`The local ARM emulator has no portal. ${target.name}'s resource ID is ${target.resourceId}.`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
};
