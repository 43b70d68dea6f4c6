# frozen_string_literal: true

module OpenAI
  # The version of this gem; also sent in the `User-Agent` header.
  VERSION = '0.1.0'
end
