# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # The base of every model. A model wraps one JSON object: declared properties have readers,
    # every key (unknown ones included) is readable with `model[:key]`.
    class BaseModel
      # @api private
      #
      # The type descriptor of each declared property, by wire name; see {Coerce}.
      #
      # @return [Hash{Symbol=>Object}]
      def self.fields
        {}
      end

      # @api private
      #
      # The method argument of each wire name named otherwise: a params class's, for `to_hash`.
      #
      # @return [Hash{Symbol=>Symbol}]
      def self.arguments
        {}
      end

      # @api private
      #
      # A model read from a response, remembering the response's request id.
      #
      # @param data [Hash]
      # @param request_id [String, nil]
      # @return [BaseModel]
      def self.from_response(data, request_id:)
        model = new(data)
        model.instance_variable_set(:@request_id, request_id)
        model
      end

      # @return [String, nil] the request id of the response this model came from
      attr_reader :request_id
      alias _request_id request_id

      # @param data [Hash{Symbol, String=>Object}] the JSON object, wire names as keys
      def initialize(data = {})
        fields = self.class.fields
        @request_id = nil
        @data = data.to_h.each_with_object({}) do |(key, value), out|
          name = key.to_sym
          out[name] = OpenAI::Internal::Coerce.load(fields[name], value)
        end
      end

      # The value of any key of the JSON object, declared or not.
      #
      # @param key [Symbol, String] the wire name
      # @return [Object, nil]
      def [](key)
        @data[key.to_sym]
      end

      # The JSON object as a Hash with Symbol keys, nested models as Hashes, absent keys left out.
      #
      # @return [Hash{Symbol=>Object}]
      def to_h
        @data.transform_values { |value| OpenAI::Internal::Coerce.dump(value) }
      end

      # As the official gem's models: a params object splats into a call, `create(**params)`, its
      # keys the method's arguments.
      #
      # @return [Hash{Symbol=>Object}]
      def to_hash
        names = self.class.arguments
        to_h.transform_keys { |key| names.fetch(key, key) }
      end

      # @return [String]
      def to_json(*args)
        to_h.to_json(*args)
      end

      # For pattern matching: `in {status: :completed}`. Declared properties that are absent are nil.
      #
      # @param keys [Array<Symbol>, nil]
      # @return [Hash{Symbol=>Object}]
      def deconstruct_keys(keys)
        all = self.class.fields.transform_values { nil }.merge(@data)
        keys ? all.slice(*keys) : all
      end

      # Models are equal when they are of the same class and hold the same data.
      #
      # @param other [Object]
      # @return [Boolean]
      def ==(other)
        other.instance_of?(self.class) && other.to_h == to_h
      end
      alias eql? ==

      # @return [Integer]
      def hash
        [self.class, to_h].hash
      end

      # @return [String]
      def inspect
        pairs = @data.map { |key, value| "#{key}=#{value.inspect}" }
        "#<#{self.class.name}#{pairs.empty? ? '' : ' '}#{pairs.join(' ')}>"
      end
      alias to_s inspect
    end
  end
end
