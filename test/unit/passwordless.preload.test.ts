import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { preloadGrammars } from '../../src/passwordless/engine';
import { loadedGrammars } from '../../src/passwordless/scanner/grammars';

describe('preloading grammars for a scan', () => {
  it('starts loading the grammar of each code language among the files, and none for configuration or unknown files', async () => {
    assert.deepEqual(loadedGrammars(), []);
    preloadGrammars(['src/main.go', 'cmd/tool.go', 'app/models.py', '.env', 'appsettings.json', 'README.md']);
    for (let waited = 0; loadedGrammars().length < 2 && waited < 10_000; waited += 20) await sleep(20);
    assert.deepEqual(loadedGrammars().sort(), ['go', 'python']);
  });
});
