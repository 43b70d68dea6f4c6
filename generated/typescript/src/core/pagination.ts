/**
 * Pages of a list method. Awaiting the method gives its first page; iterating it (`for await`) gives
 * every item across pages, each next page fetched when the items of the one before are used up.
 */
import { OpenAIError } from './error.js';
import { APIPromise } from './api-promise.js';
import type { RequestSpec } from '../client.js';

/** What a page needs of the client: to send the request of another page. */
export interface PageClient {
  requestPage<P extends AbstractPage<Item>, Item>(
    Page: PageConstructor<P>,
    spec: RequestSpec,
  ): PagePromise<P, Item>;
}

export type PageConstructor<P> = new (
  client: PageClient,
  response: Response,
  body: unknown,
  spec: RequestSpec,
) => P;

export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  readonly #client: PageClient;
  protected readonly spec: RequestSpec;
  protected readonly response: Response;
  protected readonly body: unknown;

  constructor(client: PageClient, response: Response, body: unknown, spec: RequestSpec) {
    this.#client = client;
    this.response = response;
    this.body = body;
    this.spec = spec;
  }

  /** The query parameters of the next page's request; null when there is none. */
  abstract nextPageQuery(): Record<string, unknown> | null;

  /** The items of this page. */
  abstract getPaginatedItems(): Item[];

  hasNextPage(): boolean {
    return this.getPaginatedItems().length > 0 && this.nextPageQuery() !== null;
  }

  /** Fetches the next page; check `hasNextPage()` first. */
  async getNextPage(): Promise<this> {
    const query = this.nextPageQuery();
    if (!query) {
      throw new OpenAIError(
        'No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.',
      );
    }
    const Page = this.constructor as PageConstructor<this>;
    return await this.#client.requestPage<this, Item>(Page, { ...this.spec, query });
  }

  /** This page, then every page after it. */
  async *iterPages(): AsyncGenerator<this> {
    let page: this = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and of the pages after it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.iterPages()) {
      for (const item of page.getPaginatedItems()) yield item;
    }
  }
}

/**
 * What a list method returns: awaited, its first page; iterated with `for await`, every item across
 * pages.
 */
export class PagePromise<P extends AbstractPage<Item>, Item = ReturnType<P['getPaginatedItems']>[number]>
  extends APIPromise<P>
  implements AsyncIterable<Item>
{
  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    const page = await this;
    for await (const item of page) yield item;
  }
}

/** The response of a page of the `cursor` style. */
export interface CursorPageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
}

/** The query parameters a page of the `cursor` style is asked for with. */
export interface CursorPageParams {
  after?: string;
}

/**
 * A page of a list that pages by cursor: the next page is asked for with `after`
 * set to the `id` of the last item, while `has_more` is true and the page is not empty.
 */
export class CursorPage<Item> extends AbstractPage<Item> implements CursorPageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;

  constructor(client: PageClient, response: Response, body: unknown, spec: RequestSpec) {
    super(client, response, body, spec);
    const fields = (body ?? {}) as Partial<CursorPageResponse<Item>>;
    this.data = fields.data ?? [];
    this.has_more = fields.has_more ?? false;
  }

  getPaginatedItems(): Item[] {
    return this.data ?? [];
  }

  override hasNextPage(): boolean {
    if (this.has_more === false) return false;
    return super.hasNextPage();
  }

  nextPageQuery(): Record<string, unknown> | null {
    const items = this.getPaginatedItems();
    const last = items[items.length - 1] as Record<string, unknown> | undefined;
    const cursor = last?.['id'];
    if (cursor === undefined || cursor === null) return null;
    return { ...this.spec.query, after: cursor };
  }
}
