// Type tests of the Batch workflow (spec format 2): the code openai-node's README and API reference
// write for files and batches compiles unchanged; misuses do not.
import OpenAI, { toFile, PagePromise, type Uploadable } from 'openai';
import { CursorPage } from 'openai/pagination';
import { toFile as toFileFromUploads } from 'openai/uploads';
import { Batches, type BatchCreateParams, type BatchesPage } from 'openai/resources/batches';
import type { FileObject, FileObjectsPage, FileCreateParams, FileDeleted } from 'openai/resources/files';

const client = new OpenAI({ apiKey: async () => 'sk-from-a-vault', dangerouslyAllowBrowser: false });

async function workflow(): Promise<void> {
  const file: FileObject = await client.files.create({
    file: await toFile(new Uint8Array([0, 1, 2]), 'input.jsonl'),
    purpose: 'batch',
    expires_after: { anchor: 'created_at', seconds: 3600 },
  });
  await client.files.create({ file: new File(['my bytes'], 'input.jsonl'), purpose: 'fine-tune' });
  await client.files.create({ file: await fetch('https://example.test/input.jsonl'), purpose: 'batch' });
  await client.files.create({ file: await toFileFromUploads(new Blob(['x']), 'x.jsonl'), purpose: 'batch' });

  const params: BatchCreateParams = {
    input_file_id: file.id,
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    metadata: { customer_id: 'user_123456789' },
  };
  const expiry: BatchCreateParams.OutputExpiresAfter = { anchor: 'created_at', seconds: 86400 };
  const batch = await client.batches.create({ ...params, output_expires_after: expiry }, { idempotencyKey: 'k1' });
  await client.batches.retrieve(batch.id);

  for await (const item of client.batches.list({ limit: 20 })) {
    const id: string = item.id;
    void id;
  }
  const pagePromise: PagePromise<BatchesPage, OpenAI.Batch> = client.batches.list();
  let page: CursorPage<OpenAI.Batch> = await pagePromise;
  for (const item of page.data) void item.status;
  while (page.hasNextPage()) page = await page.getNextPage();
  for await (const each of page.iterPages()) void each.has_more;
  await client.batches.list(null);

  const files: FileObjectsPage = await client.files.list({ order: 'asc', purpose: 'batch' });
  void files.data;
  const deleted: FileDeleted = await client.files.delete('file-abc123');
  void deleted.deleted;
  const response: Response = await client.files.content('file-abc123');
  const text: string = await response.text();
  void text;

  const upload: Uploadable = new Blob(['x']);
  const create: FileCreateParams = { file: upload, purpose: 'batch' };
  void create;
  void (client.batches instanceof Batches);

  // @ts-expect-error the endpoint is one of the listed ones
  await client.batches.create({ ...params, endpoint: '/v1/nope' });
  // @ts-expect-error completion_window is required
  await client.batches.create({ input_file_id: 'f', endpoint: '/v1/chat/completions' });
  // @ts-expect-error a path is not an Uploadable: pass fs.createReadStream(path)
  await client.files.create({ file: 'input.jsonl', purpose: 'batch' });
  // @ts-expect-error the anchor is always created_at
  await client.files.create({ file: upload, purpose: 'batch', expires_after: { anchor: 'now', seconds: 1 } });
  // @ts-expect-error a page's items are Batches, not strings
  const wrong: CursorPage<string> = await client.batches.list();
  void wrong;
}

void workflow;
