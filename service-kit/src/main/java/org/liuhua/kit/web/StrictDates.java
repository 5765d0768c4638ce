package org.liuhua.kit.web;

import java.time.temporal.TemporalAccessor;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and times in a request body are ISO-8601 strings only: a bare number where a date or time is expected
 * ({@code "deadline": 1700000000}) is refused as an unreadable value of that field (400 naming its JSON path) rather
 * than read as seconds or days since 1970. Applies to every {@code java.time} type and {@link java.util.Date}.
 */
public final class StrictDates extends SimpleModule {

    public StrictDates() {
        super("liuhua-strict-dates");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return TemporalAccessor.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)
                        ? new NoNumbers(deserializer, type) : deserializer;
            }
        });
    }

    private static final class NoNumbers extends DelegatingDeserializer {

        private final Class<?> type;

        NoNumbers(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new NoNumbers(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) {
            refuseNumbers(p, context);
            return super.deserialize(p, context);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext context, TypeDeserializer types) {
            refuseNumbers(p, context);
            return super.deserializeWithType(p, context, types);
        }

        private void refuseNumbers(JsonParser p, DeserializationContext context) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                context.reportInputMismatch(type, "a number is not a date or time; send an ISO-8601 string");
            }
        }
    }
}
