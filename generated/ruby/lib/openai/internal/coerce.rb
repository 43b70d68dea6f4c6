# frozen_string_literal: true

module OpenAI
  # @api private
  #
  # The machinery behind the client and the models; not part of the public interface.
  module Internal
    # Turns parsed JSON into the Ruby values the models expose, following a type descriptor:
    # nil (kept as is), a model class, an enum module, `[:const, "wire value"]` (read as a Symbol), `[:array, item]`,
    # `[:map, item]`, `[:enum, ["wire value", ...]]` (a known value read as a Symbol), `[:union, [[shape, type], ...]]`
    # (the first variant whose JSON shape fits) or `[:discriminated, [:key, {"value" => model class}]]` (the model
    # the value under `key` names). A value of an unexpected shape is kept as is rather than raised on.
    module Coerce
      module_function

      # @param type [Object] a type descriptor
      # @param value [Object] parsed JSON (Symbol keys)
      # @return [Object]
      def load(type, value)
        case type
        when nil then value
        when Class then value.is_a?(Hash) ? type.new(value) : value
        when Module then type.coerce(value)
        else load_composite(type, value)
        end
      end

      # The plain Ruby form of a loaded value: models become Hashes, recursively.
      #
      # @param value [Object]
      # @return [Object]
      def dump(value)
        case value
        when OpenAI::Internal::BaseModel then value.to_h
        when Array then value.map { |item| dump(item) }
        when Hash then value.transform_values { |item| dump(item) }
        else value
        end
      end

      # Whether a loaded value has the top-level shape of its type, as a response body must.
      #
      # @param type [Object]
      # @param value [Object]
      # @return [Boolean]
      def shaped?(type, value)
        case type
        when Class then value.is_a?(type)
        when Array then type.first != :array || value.is_a?(Array)
        else true
        end
      end

      def load_composite(type, value)
        kind, item = type
        case kind
        when :const then value == item ? item.to_sym : value
        when :array then load_array(item, value)
        when :map then load_map(item, value)
        else load_choice(type, value)
        end
      end

      # The composites that choose among values or types: enums and unions.
      def load_choice(type, value)
        kind, item = type
        case kind
        when :enum then item.include?(value) ? value.to_sym : value
        when :union then load_union(item, value)
        when :discriminated then load_discriminated(*item, value)
        else raise ArgumentError, "unknown type descriptor #{type.inspect}"
        end
      end

      def load_array(item, value)
        value.is_a?(Array) ? value.map { |element| load(item, element) } : value
      end

      def load_map(item, value)
        value.is_a?(Hash) ? value.transform_values { |element| load(item, element) } : value
      end

      def load_union(variants, value)
        variants.each { |shape, type| return load(type, value) if fits?(shape, value) }
        value
      end

      # An unknown discriminator value is kept as the Hash sent: a variant the API adds later reaches
      # the caller instead of failing the whole response.
      def load_discriminated(key, models, value)
        model = value.is_a?(Hash) ? models[value[key]] : nil
        model ? model.new(value) : value
      end

      def fits?(shape, value)
        case shape
        when :string then value.is_a?(String)
        when :integer then value.is_a?(Integer)
        when :number then value.is_a?(Numeric)
        when :boolean then [true, false].include?(value)
        when :array then value.is_a?(Array)
        when :hash then value.is_a?(Hash)
        else true
        end
      end
      private_class_method :load_composite, :load_choice, :load_array, :load_map, :load_union, :load_discriminated,
                           :fits?
    end
  end
end
