import type { OpenAI } from '../client.js';

/** The base of every resource class: it holds the client that sends the requests. */
export class APIResource {
  protected _client: OpenAI;

  constructor(client: OpenAI) {
    this._client = client;
  }
}
