import { addFederatedCredentialFlow, deleteFederatedCredentialFlow } from '../wizard/flows/federatedCredentials';
import type { CommandHandler } from './context';
import { nodeArgs, runFlowCommand } from './flowCommand';

/** From an identity or its "Federated credentials" group node, or the palette. */
export const addFederatedCredential: CommandHandler = async (ctx, node) => {
  const { subscription, identity } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => addFederatedCredentialFlow(env, { subscription, identity }));
};

/** From a federated credential node, or the palette; confirms first. */
export const deleteFederatedCredential: CommandHandler = async (ctx, node) => {
  const { subscription, identity, credential } = nodeArgs(node);
  await runFlowCommand(ctx, (env) => deleteFederatedCredentialFlow(env, { subscription, identity, credential }));
};
